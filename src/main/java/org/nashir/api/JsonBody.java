package org.nashir.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.nashir.web.ApiError;

import java.io.IOException;

/** A write request's body: one JSON object, or a {@code bad_json} refusal that says which it was not. */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {}

    static JsonNode object(Context ctx) {
        JsonNode node;
        try {
            node = JSON.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw new ApiError(400, "bad_json", "the body is not valid JSON", "نص الطلب ليس JSON سليماً");
        }
        if (node == null || !node.isObject()) throw new ApiError(400, "bad_json", "the body must be a JSON object", "نص الطلب يجب أن يكون كائن JSON");
        return node;
    }
}
