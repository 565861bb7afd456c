/** What the rest of the package (the provider table, the credential) uses of this provider. */
export { metaCloudAdapter } from './adapter';
/** Meta's phone-number status words and what they mean, for providers that pass them on (Infobip). */
export { META_STATUS } from './mapper';
