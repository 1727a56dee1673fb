package org.nashir.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON every answer is written with (the API, feeds, structured data, errors). Map keys are written sorted: a
 * {@code Map.of} iterates in an order salted per JVM, so two nodes wrote the same object with its keys in another
 * order, the bytes and so the ETags differed, and a balancer alternating between them lost every 304.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private Json() {}
}
