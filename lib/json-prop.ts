// A client component's data prop sent as one JSON string. React's RSC serializer and the decoder that turns the
// payload back into props (on the server for the HTML, then in the browser) walk every value of an object prop in
// JavaScript; a string is one value, and JSON.stringify / JSON.parse are native. For the large read-only blocks
// built from data (metric cards, criterion cards, the operator's rows: SPEC §9, fast pages). Typed at both ends.

/** `T` as JSON text, branded with its type so that only `readJsonProp` of the same `T` reads it. */
export type JsonProp<T> = string & { readonly __jsonOf: T };

export const jsonProp = <T>(value: T): JsonProp<T> => JSON.stringify(value) as JsonProp<T>;

export const readJsonProp = <T>(prop: JsonProp<T>): T => JSON.parse(prop) as T;
