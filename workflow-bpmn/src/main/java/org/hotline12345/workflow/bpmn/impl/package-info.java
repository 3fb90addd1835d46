/**
 * Implementation: the facade over the engine, the case store on the engine's connection, the delegate and
 * listeners bound into the diagrams. Not an API; may change without notice.
 */
package org.hotline12345.workflow.bpmn.impl;
