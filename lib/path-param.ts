// A dynamic path segment as the user typed it. Next.js has decoded it once already; the order
// pages decode once more (an order number typed with %xx). A segment that is not valid
// percent-encoding (e.g. "%25zz", which arrives as "%zz") names nothing: the caller answers 404,
// never a 500 from a URIError.
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
