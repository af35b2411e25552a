package org.bluelight.runtime.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Keeps a dead letter small enough to send: a letter over the producer's {@code max.request.size}
 * cannot be written, and a bad record is often a big one. The detail headers are cut to a few KB,
 * the carried headers and the key to 16 KB each, and the value to what is left; what was cut is
 * named in {@value DeadLetterHeaders#TRUNCATED} with the original sizes beside it.
 */
final class LetterSize {

    static final int MAX_MESSAGE_CHARS = 4_096;
    static final int MAX_STACK_TRACE_CHARS = 16_384;
    static final int MAX_KEY_BYTES = 16_384;
    static final int MAX_CARRIED_HEADER_BYTES = 16_384;
    /** Left under {@code max.request.size} for the record's and its batch's framing. */
    static final int FRAMING_BYTES = 8_192;
    /** Framing of one header: its two lengths as varints. */
    private static final int HEADER_FRAMING_BYTES = 10;
    /** Room for the truncation headers themselves. */
    private static final int TRUNCATION_HEADERS_BYTES = 256;

    private LetterSize() {
    }

    /** The most bytes a letter may take with the producer settings in {@code streamsConfig}. */
    static int maxLetterBytes(Map<?, ?> streamsConfig) {
        Object configured = streamsConfig.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (configured == null) {
            configured = streamsConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        int maxRequestSize = configured == null ? DeadLetterClients.DEFAULT_MAX_REQUEST_SIZE
                : Integer.parseInt(configured.toString().trim());
        return Math.max(maxRequestSize - FRAMING_BYTES, 1_024);
    }

    /** {@code text}, or its first {@code maxChars} characters and a note of its length. */
    static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text
                : text.substring(0, maxChars) + "... (cut, " + text.length() + " characters in all)";
    }

    /**
     * The letter's key, value and headers within {@code maxBytes}: the carried headers (less any of
     * ours or a {@link SourceStamp} they hold) first, then {@code own}, then what was cut.
     */
    static Fitted fit(byte[] key, byte[] value, Headers carried, Headers own, int maxBytes) {
        Headers headers = new RecordHeaders();
        List<String> truncated = new ArrayList<>();
        int carriedBytes = 0;
        for (Header header : carried) {
            if (DeadLetterHeaders.ALL.contains(header.key()) || header.key().startsWith(SourceStamp.PREFIX)) {
                continue;
            }
            int size = size(header);
            if (carriedBytes + size <= MAX_CARRIED_HEADER_BYTES) {
                headers.add(header);
                carriedBytes += size;
            } else if (!truncated.contains("headers")) {
                truncated.add("headers");
            }
        }
        own.forEach(headers::add);
        byte[] fittedKey = key;
        if (key != null && key.length > MAX_KEY_BYTES) {
            fittedKey = Arrays.copyOf(key, MAX_KEY_BYTES);
            truncated.add("key");
            DeadLetter.add(headers, DeadLetterHeaders.ORIGINAL_KEY_SIZE, Integer.toString(key.length));
        }
        int headerBytes = 0;
        for (Header header : headers) {
            headerBytes += size(header);
        }
        int room = Math.max(0, maxBytes - headerBytes - length(fittedKey) - TRUNCATION_HEADERS_BYTES);
        byte[] fittedValue = value;
        if (value != null && value.length > room) {
            fittedValue = Arrays.copyOf(value, room);
            truncated.add("value");
            DeadLetter.add(headers, DeadLetterHeaders.ORIGINAL_VALUE_SIZE, Integer.toString(value.length));
        }
        if (!truncated.isEmpty()) {
            DeadLetter.add(headers, DeadLetterHeaders.TRUNCATED, String.join(",", truncated));
        }
        return new Fitted(fittedKey, fittedValue, headers);
    }

    private static int size(Header header) {
        return header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value()) + HEADER_FRAMING_BYTES;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    record Fitted(byte[] key, byte[] value, Headers headers) {
    }
}
