/** Defines each tag not defined yet, in the order given (providers before consumers). */
export function register(tags: Record<string, CustomElementConstructor>) {
  for (const [tag, element] of Object.entries(tags)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}
