/**
 * Domain events for the host: the listener SPI, the notice each listener receives, and the failed deliveries an
 * operator can see and retry.
 */
package org.hotline12345.workflow.events;
