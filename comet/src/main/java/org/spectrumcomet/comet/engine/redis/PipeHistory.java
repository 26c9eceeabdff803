package org.spectrumcomet.comet.engine.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.PipeMessage;

/**
 * Pipe settings ({@code pipes_settings}) and kept history in Redis: a hash pipe → length, a list
 * per pipe (JSON entries, oldest first) and a hash id → pipe for deleting by id alone.
 *
 * <p>Publishing is one Lua script: read the length, append and trim, then PUBLISH. Redis runs it
 * atomically, so history order and delivery order of a pipe are the same on every node, and a
 * message is never delivered but missing from history or the other way round.
 */
final class PipeHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TRUST_PREFIX = "trust_";

    /** Drops entries beyond ARGV[1] from the front of KEYS[1], forgetting their ids in KEYS[2]. */
    private static final String TRIM_FN = """
            local function trim(list, ids, keep)
              local n = redis.call('LLEN', list)
              if n <= keep then return end
              for _, item in ipairs(redis.call('LRANGE', list, 0, n - keep - 1)) do
                redis.call('HDEL', ids, cjson.decode(item).id)
              end
              if keep == 0 then redis.call('DEL', list) else redis.call('LTRIM', list, -keep, -1) end
            end
            """;

    /**
     * KEYS settings, list, ids, channel, sequence, replay, members; ARGV pipe, trust default, id,
     * entry, envelope, replay length, replay seconds, node prefix, excepted member → kept flag,
     * nodes reached, connections subscribed. The envelope gets the pipe's next number and also
     * lands in the replay stream, so a node that missed it can read it back. Connections are the
     * pipe's member entries of live nodes (up to {@link #COUNTED_MEMBERS}; beyond, all entries),
     * less the excepted sender.
     */
    private static final String PUBLISH = TRIM_FN + PipeReplay.NUMBER_FN + """
            local len = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
            local keep = len > 0 and math.min(len, 99) or tonumber(ARGV[2])
            if keep > 0 then
              redis.call('RPUSH', KEYS[2], ARGV[4])
              redis.call('HSET', KEYS[3], ARGV[3], ARGV[1])
              trim(KEYS[2], KEYS[3], keep)
            end
            local envelope = numbered(KEYS[5], KEYS[6], ARGV[5], ARGV[6], ARGV[7])
            local receivers = redis.call('PUBLISH', KEYS[4], envelope)
            local connections = 0
            if receivers > 0 then
              connections = redis.call('HLEN', KEYS[7])
              if connections <= tonumber(ARGV[10]) then
                local alive = {}
                connections = 0
                for _, field in ipairs(redis.call('HKEYS', KEYS[7])) do
                  local node = string.match(field, '^([^/]+)/')
                  if alive[node] == nil then alive[node] = redis.call('EXISTS', ARGV[8] .. node) == 1 end
                  if alive[node] then connections = connections + 1 end
                end
              end
              if ARGV[9] ~= '' and redis.call('HEXISTS', KEYS[7], ARGV[9]) == 1 then connections = connections - 1 end
            end
            return {keep > 0 and 1 or 0, receivers, connections}
            """;

    /** KEYS settings, list, ids; ARGV pipe, length (or '' to delete the setting), keep. */
    private static final String SET_LENGTH = TRIM_FN + """
            if ARGV[2] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
            trim(KEYS[2], KEYS[3], tonumber(ARGV[3]))
            return 1
            """;

    /** KEYS list, ids: forgets the whole history. */
    private static final String CLEAR = TRIM_FN + "trim(KEYS[1], KEYS[2], 0) return 1";

    /** KEYS list, ids; ARGV id → 1 when deleted. */
    private static final String DELETE = """
            for _, item in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
              if cjson.decode(item).id == ARGV[1] then
                redis.call('LREM', KEYS[1], 1, item)
                redis.call('HDEL', KEYS[2], ARGV[1])
                return 1
              end
            end
            return 0
            """;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final PipeReplay replay;

    PipeHistory(RedisLink redis, RedisKeys keys, PipeReplay replay) {
        this.redis = redis;
        this.keys = keys;
        this.replay = replay;
    }

    /** Above this many member entries, a publish counts them all rather than checking each node's liveness. */
    static final int COUNTED_MEMBERS = 256;

    /** What a publish did: kept in history or not, how many nodes and connections it reached. */
    record Published(boolean kept, long receivers, long connections) {
    }

    /** @param exceptMember the sender's member entry ({@code <node>/<session>}) not to count, or "" */
    Published publish(String tenant, PipeMessage message, String envelope, String exceptMember) {
        String pipe = message.pipe();
        String trustDefault = pipe.startsWith(TRUST_PREFIX) ? Integer.toString(Names.MAX_HISTORY_LENGTH) : "0";
        List<Object> answer = redis.await(redis.<List<Object>>eval(PUBLISH, ScriptOutputType.MULTI,
                new String[] {keys.settings(tenant), keys.history(tenant, pipe), keys.historyIds(tenant),
                        keys.pipeChannel(tenant, pipe), keys.pipeSequence(tenant, pipe), keys.pipeReplay(tenant, pipe),
                        keys.members(tenant, pipe)},
                pipe, trustDefault, message.id(), entry(message), envelope, Integer.toString(replay.length()),
                Long.toString(replay.age().toSeconds()), keys.nodePrefix(), exceptMember,
                Integer.toString(COUNTED_MEMBERS)), "publish on pipe " + pipe);
        return new Published(((Long) answer.get(0)) == 1, (Long) answer.get(1), (Long) answer.get(2));
    }

    List<PipeMessage> history(String tenant, String pipe, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<String> items = redis.await(redis.commands().lrange(keys.history(tenant, pipe), -limit, -1),
                "history of pipe " + pipe);
        List<PipeMessage> result = new ArrayList<>(items.size());
        for (String item : items) {
            result.add(message(pipe, item));
        }
        return result;
    }

    /** Sets (or with {@code length < 0} deletes) the pipe's setting and trims to what it now keeps. */
    void setLength(String tenant, String pipe, int length) {
        int keep = length > 0 ? length : pipe.startsWith(TRUST_PREFIX) && length == 0 ? Names.MAX_HISTORY_LENGTH : 0;
        redis.await(redis.<Long>eval(SET_LENGTH, ScriptOutputType.INTEGER,
                new String[] {keys.settings(tenant), keys.history(tenant, pipe), keys.historyIds(tenant)},
                pipe, length < 0 ? "" : Integer.toString(length), Integer.toString(keep)), "setting of pipe " + pipe);
    }

    OptionalInt length(String tenant, String pipe) {
        String value = redis.await(redis.commands().hget(keys.settings(tenant), pipe), "setting of pipe " + pipe);
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    void clear(String tenant, String pipe) {
        redis.await(redis.<Long>eval(CLEAR, ScriptOutputType.INTEGER,
                new String[] {keys.history(tenant, pipe), keys.historyIds(tenant)}), "clearing pipe " + pipe);
    }

    boolean delete(String tenant, String pipe, String id) {
        Long deleted = redis.await(redis.<Long>eval(DELETE, ScriptOutputType.INTEGER,
                new String[] {keys.history(tenant, pipe), keys.historyIds(tenant)}, id), "deleting message " + id);
        return deleted == 1;
    }

    boolean delete(String tenant, String id) {
        String pipe = redis.await(redis.commands().hget(keys.historyIds(tenant), id), "finding message " + id);
        return pipe != null && delete(tenant, pipe, id);
    }

    private static String entry(PipeMessage m) {
        return JSON.createObjectNode().put("id", m.id()).put("time", m.time()).put("event", m.event())
                .put("text", m.text()).put("user", m.userId()).toString();
    }

    private static PipeMessage message(String pipe, String item) {
        try {
            JsonNode n = JSON.readTree(item);
            return new PipeMessage(n.path("id").asText(), n.path("time").asLong(), pipe, n.path("event").asText(),
                    n.path("text").asText(), n.path("user").asLong());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pipe " + pipe + ": history entry is not JSON: " + e.getOriginalMessage());
        }
    }
}
