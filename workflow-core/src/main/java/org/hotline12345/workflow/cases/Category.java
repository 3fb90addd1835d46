package org.hotline12345.workflow.cases;

/** The kind of request (诉求类型); drives the deadline policy. */
public enum Category {
    /** 咨询 */
    CONSULTATION,
    /** 求助 */
    HELP,
    /** 投诉 */
    COMPLAINT,
    /** 举报 */
    REPORT,
    /** 建议 */
    SUGGESTION,
    /** 表扬 */
    PRAISE
}
