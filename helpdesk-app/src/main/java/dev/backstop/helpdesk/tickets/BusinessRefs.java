package dev.backstop.helpdesk.tickets;

/** Numbers in other systems a ticket is about. Any of them may be null. */
public record BusinessRefs(String orderNo, String shipmentNo, String invoiceNo, String employeeNo) {

    public static BusinessRefs none() {
        return new BusinessRefs(null, null, null, null);
    }
}
