/**
 * The customers component's services: creating and editing customers from a validated draft, search, merging
 * duplicates, contact channels, and the snapshot other components copy into their documents.
 */
package io.cuadra.customers.application;
