package dev.backstop.helpdesk.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.S3Server;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * With {@code backstop.blobs.store=s3} the app keeps ticket attachments in the bucket (a real S3 server, S3Proxy), not
 * in the database, and serves them back from there.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/s3",
            "spring.datasource.url=jdbc:h2:mem:s3store;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.blobs.store=s3",
            "backstop.blobs.s3.bucket=" + AttachmentsOnS3Tests.BUCKET,
            "backstop.blobs.s3.access-key=" + S3Server.ACCESS_KEY,
            "backstop.blobs.s3.secret-key=" + S3Server.SECRET_KEY
        })
class AttachmentsOnS3Tests {

    static final String BUCKET = "backstop-attachments";

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) {
        S3Server.createBucket(BUCKET);
        registry.add("backstop.blobs.s3.endpoint", () -> S3Server.endpoint().toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAttachmentIsKeptInTheBucketAndDownloadsFromIt() throws Exception {
        String ticket = mvc.perform(post("/api/v1/tickets")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"desk":"CHANNEL","type":"INQUIRY","channel":"EMAIL","subject":"回单在对象存储"}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(ticket, "$.id")).longValue();
        List<String> before = objects();
        long chunksBefore = jdbc.queryForObject("select count(*) from blob_chunks", Long.class);
        byte[] content = "%PDF-1.4 回单 2026-12".getBytes(StandardCharsets.UTF_8);

        String created = mvc.perform(multipart("/api/v1/tickets/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "回单.pdf", "application/pdf", content))
                        .with(httpBasic("agent", "demo")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long attachment = ((Number) JsonPath.read(created, "$.id")).longValue();

        assertThat(objects()).hasSize(before.size() + 1);
        assertThat(jdbc.queryForObject("select count(*) from blob_chunks", Long.class))
                .isEqualTo(chunksBefore);
        byte[] downloaded = mvc.perform(get("/api/v1/tickets/" + id + "/attachments/" + attachment)
                        .with(httpBasic("agent", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(downloaded).isEqualTo(content);
    }

    static List<String> objects() {
        try (S3Client s3 = S3Server.client()) {
            return s3.listObjectsV2(list -> list.bucket(BUCKET)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        }
    }
}
