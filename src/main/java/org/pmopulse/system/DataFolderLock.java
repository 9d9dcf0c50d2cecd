package org.pmopulse.system;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Two processes cannot share the embedded store's file, so the first thing a Pulse on the embedded store does is
 * lock {@code pulse.instance} in its data folder and write its process id (and, once it listens, its HTTP port)
 * there. A second Pulse on the same folder stops before anything else starts, with one sentence naming the folder
 * and the holder. The operating system drops the lock when the process dies, so a crash leaves nothing to clean.
 * Registered in {@code META-INF/spring.factories}: it must run before the application context exists.
 */
public class DataFolderLock implements ApplicationListener<ApplicationEvent> {
    static final String FILE = "pulse.instance";

    private FileChannel channel;
    private FileLock lock;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && usesEmbeddedFile(prepared.getEnvironment())) {
            acquire(Path.of(prepared.getEnvironment().getProperty("pulse.data-dir", "./var")).toAbsolutePath().normalize());
        } else if (event instanceof WebServerInitializedEvent web && lock != null) {
            write("pid=" + ProcessHandle.current().pid() + "\nport=" + web.getWebServer().getPort() + "\n");
        } else if (event instanceof ContextClosedEvent) {
            release();
        }
    }

    private static boolean usesEmbeddedFile(Environment env) {
        return EmbeddedMongoConfiguration.NoMongoConfigured.embeddedWanted(env)
                && env.getProperty("pulse.embedded-mongo.persistent", Boolean.class, true);
    }

    private void acquire(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another Pulse in this same JVM
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip().replace("\n", ", ").replace('=', ' ');
                channel.close();
                channel = null;
                throw new DataFolderInUseException(folder, holder.isEmpty() ? null : holder);
            }
            write("pid=" + ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data folder " + folder, e);
        }
    }

    private void write(String content) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    private void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // the process is stopping; the operating system drops the lock with it
        } finally {
            lock = null;
            channel = null;
        }
    }
}
