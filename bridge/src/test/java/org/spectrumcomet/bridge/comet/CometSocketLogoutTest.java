package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spectrumcomet.bridge.comet.servers.OurCometServerExtension;

/** A user who logs out while the socket waits to reconnect leaves nothing scheduled behind. */
@ExtendWith(OurCometServerExtension.class)
class CometSocketLogoutTest extends CometSocketRig {

    @Test
    void closingASocketThatWaitsToReconnectCancelsItsReconnect() throws Exception {
        NioEventLoopGroup own = new NioEventLoopGroup(1);
        try (LinkCutter cutter = new LinkCutter(server.endpoint().wsHost(), server.endpoint().wsPort())) {
            CometEndpoint e = server.endpoint();
            CometEndpoint endpoint = CometEndpoint.fromConfig(Map.of("cometql", e.cometqlHost() + ":" + e.cometqlPort(),
                    "ws", "127.0.0.1:" + cutter.port(), "dev_id", Integer.toString(e.devId()), "user", e.user(),
                    "key", e.key(), "reconnect_min", "20s", "reconnect_max", "30s"));
            long id = newUser();
            RecordingListener listener = new RecordingListener();
            CometSocket s = CometSocket.open(endpoint, own, id, "key" + id, listener, listeners);
            assertThat(await(s.login()).outcome()).isEqualTo(LoginResult.Outcome.ACCEPTED);
            cutter.cutAll();
            listener.await(RecordingListener.LinkLost.class, l -> true, WAIT);
            EventExecutor loop = own.next();
            assertThat(hasScheduledTasks(loop)).as("the reconnect in 20 s is scheduled").isTrue();

            s.close().get(5, TimeUnit.SECONDS);
            // the socket (and through its listener the user's session) must not stay reachable from the
            // event loop for up to reconnect_max after the logout
            poll(() -> !hasScheduledTasks(loop), "no task left on the socket's event loop");
        } finally {
            own.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static boolean hasScheduledTasks(EventExecutor loop) {
        try {
            Method m = AbstractScheduledEventExecutor.class.getDeclaredMethod("peekScheduledTask");
            m.setAccessible(true);
            boolean[] answer = new boolean[1];
            // asked on the loop itself: the queue is confined to it
            loop.submit(() -> answer[0] = m.invoke(loop) != null).get(5, TimeUnit.SECONDS);
            return answer[0];
        } catch (ReflectiveOperationException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException | InterruptedException ex) {
            throw new AssertionError(ex);
        }
    }
}
