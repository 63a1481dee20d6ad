"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui", padding: 32 }}>
        <h1>Something went wrong</h1>
        <p>Please reload the page.{error.digest ? ` Reference: ${error.digest}.` : ""}</p>
      </body>
    </html>
  );
}
