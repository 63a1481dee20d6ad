/** "Previous page" / "Next page" under a paged list; nothing when the list fits on one page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
      {page > 1 ? (
        <a className="text-brand-700 underline" href={href(page - 1)}>
          Previous page
        </a>
      ) : null}
      {page < pages ? (
        <a className="text-brand-700 underline" href={href(page + 1)}>
          Next page
        </a>
      ) : null}
    </nav>
  );
}
