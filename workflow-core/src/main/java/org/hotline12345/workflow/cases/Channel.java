package org.hotline12345.workflow.cases;

/** How the request reached the hotline (来源渠道). */
public enum Channel {
    PHONE, WEB, APP, WECHAT, LETTER, EMAIL, OPEN311
}
