package vn.congvan.storage.upload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Resumable uploads ({@code congvan.storage.uploads.*}): the largest file one upload may bring, how
 * long an upload nobody resumes is kept, and how often what arrived is made durable and counted.
 */
@ConfigurationProperties("congvan.storage.uploads")
public record UploadProperties(
        @DefaultValue("50GB") DataSize maxFileSize,
        @DefaultValue("P1D") Duration expiry,
        @DefaultValue("8MB") DataSize checkpoint,
        @DefaultValue("PT1M") Duration hold) {}
