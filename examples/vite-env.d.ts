/** What the examples read from the environment (`VITE_API_BASE_URL=… npx vite examples/react`). */
interface ImportMetaEnv {
  /** The API to use; unset, the examples start the mock API in the page. */
  readonly VITE_API_BASE_URL?: string;
  /** The group to manage (default `demo`, the mock's). */
  readonly VITE_GROUP_ID?: string;
}
