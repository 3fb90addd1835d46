package org.hotline12345.workflow.dispatch;

/**
 * Why a unit hands a case back (退单原因): the list a return must name, so that the hotline office and the
 * accountability review can count returns by reason. The free text of the request says the particulars.
 */
public enum ReturnReason {
    /** 非本单位职责: the matter is another unit's statutory remit. */
    NOT_IN_REMIT,
    /** 不属本辖区: the place is outside the unit's area. */
    OUTSIDE_AREA,
    /** 诉求不清: the request lacks what the unit needs to act (address, object, contact). */
    INSUFFICIENT_INFORMATION,
    /** 涉法涉诉: the matter is before a court or belongs to a statutory procedure (litigation, petition, arbitration). */
    OTHER_STATUTORY_CHANNEL,
    /** 重复派单: the unit already handles the same matter under another case. */
    DUPLICATE,
    /** 其他: none of the above; the free text says why. */
    OTHER
}
