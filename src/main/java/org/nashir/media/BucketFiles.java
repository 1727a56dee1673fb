package org.nashir.media;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Media files in an S3-compatible bucket (MinIO, Garage, Ceph, AWS), under {@code media/<key>/<name>}: what several
 * nodes need, since a picture uploaded through one must be served by all. A put returns once the bucket has
 * acknowledged it, before the media row that points at it is committed.
 */
public final class BucketFiles implements MediaFiles, AutoCloseable {
    private final S3Client s3;
    private final String bucket;

    /** {@code endpoint} empty: AWS itself; otherwise the server's address, spoken to with path-style requests. */
    public BucketFiles(String endpoint, String bucket, String region, String accessKey, String secretKey) {
        this.bucket = bucket;
        var builder = S3Client.builder()
            .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(30)).build())
            .region(Region.of(region))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
            // Checksums only where the protocol requires them: not every S3-compatible server takes the SDK's newer trailers.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60)));
        if (!endpoint.isBlank()) builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        this.s3 = builder.build();
    }

    private static String object(String key, String name) {
        return "media/" + key + "/" + name;
    }

    @Override
    public void put(String key, String name, byte[] bytes) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(object(key, name)).contentType(MediaFiles.type(name)).contentLength((long) bytes.length), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new IOException("cannot store " + object(key, name) + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Stored> open(String key, String name) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(object(key, name)));
            return Optional.of(new Stored(in, in.response().contentLength()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw new IOException("cannot read " + object(key, name) + " from bucket " + bucket + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot read " + object(key, name) + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key, String name) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(object(key, name)));
        } catch (SdkException e) {
            throw new IOException("cannot delete " + object(key, name) + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key, String name) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(object(key, name)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw new IOException("cannot look up " + object(key, name) + " in bucket " + bucket + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot look up " + object(key, name) + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket;
    }

    @Override
    public void close() {
        s3.close();
    }
}
