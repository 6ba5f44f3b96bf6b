package dev.backstop.helpdesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy (Apache jclouds behind the S3 REST API, in-memory storage), started
 * once per test JVM in a JVM of its own from the jar Maven copies to {@code target/s3proxy} (its Jetty 11 must not meet
 * our Tomcat on one classpath). Stopped when the test JVM exits.
 */
public final class S3Server {

    public static final String ACCESS_KEY = "backstop";
    public static final String SECRET_KEY = "backstop-secret";
    private static URI endpoint;

    private S3Server() {}

    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    /** A client for the test's own checks (listing the bucket, creating one). */
    public static S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    public static void createBucket(String bucket) {
        try (S3Client s3 = client()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(create -> create.bucket(bucket));
            }
        }
    }

    private static URI start() {
        try {
            Path jar = Path.of("target/s3proxy/s3proxy-jar-with-dependencies.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the tests through Maven");
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            URI uri = URI.create("http://127.0.0.1:" + port);
            Path conf = Files.createTempFile("s3proxy", ".conf");
            Files.writeString(conf, """
                    s3proxy.endpoint=%s
                    s3proxy.authorization=aws-v2-or-v4
                    s3proxy.identity=%s
                    s3proxy.credential=%s
                    jclouds.provider=transient
                    jclouds.identity=unused
                    jclouds.credential=unused
                    """.formatted(uri, ACCESS_KEY, SECRET_KEY));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java, "-Xmx256m", "-jar", jar.toString(), "--properties", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target/s3proxy/server.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Proxy ended at start-up; see target/s3proxy/server.log");
                }
                if (answers(uri)) {
                    return uri;
                }
                Thread.sleep(200);
            }
            process.destroy();
            throw new IllegalStateException("S3Proxy did not answer within 90 s; see target/s3proxy/server.log");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() > 0;
        } catch (IOException notYet) {
            return false;
        }
    }
}
