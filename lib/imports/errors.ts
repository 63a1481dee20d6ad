// What a rejected import answers: row-numbered errors (the header is row 1, the first data row
// is row 2; row 0 = the file as a whole), at most MAX_LISTED of them, plus the total count.
export type ImportError = { row: number; column?: string; message: string };

export const MAX_LISTED = 100;

export const ROW_NUMBERING =
  "Rows are numbered as in a spreadsheet: the header is row 1 and the first data row is row 2.";

export class ErrorList {
  readonly items: ImportError[] = [];
  count = 0;

  static of(errors: ImportError[]): ErrorList {
    const list = new ErrorList();
    for (const e of errors) list.add(e);
    return list;
  }

  add(error: ImportError): void {
    this.count++;
    if (this.items.length < MAX_LISTED) this.items.push(error);
  }
}

/** Thrown inside the import transaction to roll it back and answer with the collected errors. */
export class Rejected extends Error {
  constructor(readonly list: ErrorList) {
    super("import rejected");
  }
}

/**
 * A problem with reading the file itself (upload interrupted, file too large), thrown by the
 * input stream. Its message is shown to the user as is.
 */
export class InputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InputError";
  }
}
