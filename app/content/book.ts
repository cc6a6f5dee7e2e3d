/** The book's own citation; `url` is its address (bookUrl() in app/book/route.ts). */
export function bookBibtex(url: string): string {
  return `@book{bellman_to_diffusion,
  title        = {From Bellman to Diffusion: An Explorable Textbook on Continuous-Time Control},
  author       = {{The From Bellman to Diffusion authors}},
  year         = {2026},
  howpublished = {\\url{${url}}},
  note         = {Interactive book; figures are reproducible from their links}
}`;
}
