package dev.backstop.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

final class CsvFixtures {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** Our order fields, with the Chinese and English headers distributors actually send. */
    static final HeaderMapping ORDERS = HeaderMapping.builder()
            .required("order_no", "订单号", "Order No")
            .required("customer", "客户", "Customer")
            .optional("amount", "金额", "Amount")
            .optional("order_date", "下单日期", "Order Date")
            .build();

    private CsvFixtures() {}

    static Path write(Path directory, String text, Charset charset) {
        return writeBytes(directory, text.getBytes(charset));
    }

    static Path writeWithUtf8Bom(Path directory, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return writeBytes(directory, bytes.toByteArray());
    }

    static Path writeBytes(Path directory, byte[] bytes) {
        try {
            return Files.write(Files.createTempFile(directory, "import", ".csv"), bytes);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
