/**
 * The back office's frame: navigation and menus by permission, the home page per role, page guards, language
 * choice, date inputs, paged tables and common JSF actions.
 */
package io.cuadra.web.shell;
