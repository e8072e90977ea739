/**
 * Reports at the boundary: the REST resources (reports, drill-down, exports, dashboard, alert rules), the reports
 * page and the home page's block, and the back office's file links under its session.
 */
package io.cuadra.web.reports;
