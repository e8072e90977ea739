/**
 * What every component's model shares: money, pages of results, versions, and the business refusals (not
 * found, conflict, stale version, rule violation, access denied) the boundaries turn into 4xx answers.
 */
package io.cuadra.shared.domain;
