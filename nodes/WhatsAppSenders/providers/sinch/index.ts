/** What the rest of the package (the provider table, the credential) uses of this provider. */
export { sinchAdapter } from './adapter';
export { SINCH_TOKEN_URL } from './tokenExchange';
