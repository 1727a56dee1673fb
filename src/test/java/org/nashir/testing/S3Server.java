package org.nashir.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real S3 server for tests: s3proxy (from Maven Central, copied to {@code target/s3proxy} by the build) in its own
 * process, keeping objects in a folder. Not a mock: the AWS SDK speaks the S3 protocol to it over HTTP.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "nashir-test";
    public static final String SECRET_KEY = "nashir-test-secret";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final Process process;
    public final String endpoint;

    private S3Server(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static S3Server start(Path dir) throws IOException, InterruptedException {
        String jar = System.getProperty("nashir.s3proxyJar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("s3proxy is missing (" + jar + "): run the tests through Maven, which copies it to target/s3proxy");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port;
        Files.createDirectories(dir.resolve("objects"));
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
            "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY, "jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + dir.resolve("objects")) + "\n");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-jar", jar, "--properties", conf.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        S3Server server = new S3Server(p, endpoint);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("s3proxy stopped: " + Files.readString(dir.resolve("s3proxy.log")));
            try (var c = java.net.http.HttpClient.newHttpClient()) {
                c.send(java.net.http.HttpRequest.newBuilder(URI.create(endpoint + "/")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                return server;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        server.close();
        throw new IllegalStateException("s3proxy did not answer within 60 s");
    }

    /** A new, empty bucket; returns its name. */
    public String newBucket() {
        String name = "nashir-media-" + BUCKETS.incrementAndGet();
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(name));
        }
        return name;
    }

    /** Settings that keep a site's media in {@code bucket}. */
    public Map<String, String> settings(String bucket) {
        return Map.of("NASHIR_S3_ENDPOINT", endpoint, "NASHIR_S3_BUCKET", bucket, "NASHIR_S3_REGION", "us-east-1",
            "NASHIR_S3_ACCESS_KEY", ACCESS_KEY, "NASHIR_S3_SECRET_KEY", SECRET_KEY);
    }

    public S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(URI.create(endpoint)).forcePathStyle(true)
            .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
