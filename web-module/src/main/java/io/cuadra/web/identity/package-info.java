/**
 * Identity's boundary: authentication (the Jakarta Security mechanism for tokens and the back-office session),
 * sign-in, users, roles, locations, company and logo, and the audit log.
 */
package io.cuadra.web.identity;
