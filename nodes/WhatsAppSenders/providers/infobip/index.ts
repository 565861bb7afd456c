/** What the rest of the package (the provider table, the credential) uses of this provider. */
export { infobipAdapter } from './adapter';
