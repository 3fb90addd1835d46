/**
 * The working-day calendar: weekends, statutory holidays and make-up working days per year, shipped
 * for 2024-2026 as resources and extensible by the host.
 */
package org.hotline12345.workflow.calendar;
