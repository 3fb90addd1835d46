/**
 * Who acts ({@link org.hotline12345.workflow.access.Actor}) and what each may do and see
 * ({@link org.hotline12345.workflow.access.AccessPolicy}).
 */
package org.hotline12345.workflow.access;
