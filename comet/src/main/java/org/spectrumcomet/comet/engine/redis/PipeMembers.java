package org.spectrumcomet.comet.engine.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.SubscriberInfo;

/**
 * Every node's subscribers of a pipe, for {@code pipes} and {@code users_in_pipes}: a hash per
 * pipe, field {@code <node>/<session>}. Entries of a node whose liveness key expired are skipped
 * and removed when read. Writes are sent without waiting (one connection keeps them in order); a
 * failed one is logged and only skews a count.
 */
final class PipeMembers {

    private static final Logger log = LoggerFactory.getLogger(PipeMembers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** KEYS members; ARGV node prefix → the entries of live nodes. */
    private static final String LIST = """
            local out, alive = {}, {}
            local all = redis.call('HGETALL', KEYS[1])
            for i = 1, #all, 2 do
              local node = string.match(all[i], '^([^/]+)/')
              if alive[node] == nil then alive[node] = redis.call('EXISTS', ARGV[1] .. node) == 1 end
              if alive[node] then table.insert(out, all[i + 1]) else redis.call('HDEL', KEYS[1], all[i]) end
            end
            return out
            """;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final String node;

    PipeMembers(RedisLink redis, RedisKeys keys, String node) {
        this.redis = redis;
        this.keys = keys;
        this.node = node;
    }

    void add(String pipe, Session session) {
        ClientInfo info = session.connection().info();
        String value = JSON.createObjectNode().put("user", session.userId()).put("uuid", session.connection().uuid())
                .put("ua", info.userAgent()).put("ip", info.ip()).put("origin", info.origin())
                .put("lang", info.language()).toString();
        redis.commands().hset(keys.members(session.tenant(), pipe), field(session), value)
                .exceptionally(e -> failed(session, pipe, e));
    }

    void remove(String pipe, Session session) {
        redis.commands().hdel(keys.members(session.tenant(), pipe), field(session))
                .exceptionally(e -> failed(session, pipe, e));
    }

    List<SubscriberInfo> list(String tenant, String pipe) {
        List<String> values = redis.await(redis.<List<String>>eval(LIST, ScriptOutputType.MULTI,
                new String[] {keys.members(tenant, pipe)}, keys.nodePrefix()), "subscribers of pipe " + pipe);
        List<SubscriberInfo> result = new ArrayList<>(values.size());
        for (String value : values) {
            try {
                JsonNode n = JSON.readTree(value);
                result.add(new SubscriberInfo(n.path("user").asLong(), n.path("uuid").asText(), new ClientInfo(
                        n.path("ua").asText(), n.path("ip").asText(), n.path("origin").asText(), n.path("lang").asText())));
            } catch (JsonProcessingException e) {
                log.warn("tenant {} pipe {}: bad member entry skipped", tenant, pipe);
            }
        }
        return result;
    }

    private String field(Session session) {
        return node + "/" + session.id();
    }

    private <T> T failed(Session session, String pipe, Throwable e) {
        log.warn("tenant {} user {} pipe {}: member entry not written: {}", session.tenant(), session.userId(), pipe,
                e.toString());
        return null;
    }
}
