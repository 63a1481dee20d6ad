import { parse } from "csv-parse";
import { Readable } from "node:stream";
async function t(label: string, input: Buffer | string) {
  const p = parse({ bom: true, relax_column_count: true, max_record_size: 20 });
  Readable.from([typeof input === "string" ? Buffer.from(input) : input]).pipe(p);
  try { for await (const rec of p) console.log(label, JSON.stringify(rec)); }
  catch (e: any) { console.log(label, "ERR", e.code, e.message, "records", e.records, "lines", e.lines, "column", e.column); }
}
await t("blank", "a,b\n1,2\n\n3,4\n");
await t("crlf", "\uFEFFa,b\r\n1,2\r\n\r\n");
await t("badutf", Buffer.concat([Buffer.from("a,b\n1,"), Buffer.from([0xff, 0x41]), Buffer.from("\n")]));
await t("quote-in", "a,b\n1,2\nx\"y,3\n");
await t("unclosed", "a,b\n1,2\n\"abc,3\n");
await t("closing", "a,b\n1,2\n\"ab\"c,3\n");
await t("big", "a,b\n1,2\n3,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
await t("bigmany", "a,b\n1,2\n3,aaaaaaaaa,aaaaaaaaa,aaaaaaaaaaa,aaaaaaa\n");
await t("empty", "");
await t("onlybom", "\uFEFF");
await t("ws", "a , b\n 1 , 2 \n");
