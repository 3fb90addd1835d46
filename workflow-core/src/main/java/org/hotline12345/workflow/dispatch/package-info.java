/** Dispatch (派单) and returns (退单): sending a case to a unit and the unit handing it back. */
package org.hotline12345.workflow.dispatch;
