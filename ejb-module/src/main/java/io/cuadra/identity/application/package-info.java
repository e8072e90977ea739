/**
 * The identity component's services: sign-in and sessions, tokens' validity (revocation takes effect at once),
 * users, roles and permissions (with templates per business), locations and the company, invitations.
 */
package io.cuadra.identity.application;
