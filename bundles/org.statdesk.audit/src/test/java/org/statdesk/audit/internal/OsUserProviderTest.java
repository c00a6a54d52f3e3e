package org.statdesk.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 §3: the journal's user is the OS account, whatever -Duser.name says. */
class OsUserProviderTest {
    @Test
    void userNameOptionIsIgnored(@TempDir Path dir) throws Exception {
        String was = System.getProperty("user.name");
        // the account as the file system names it: the owner of a file this process creates
        String account = Files.getOwner(Files.createFile(dir.resolve("mine"))).getName();
        System.setProperty("user.name", "局长张三");
        try {
            String user = new OsUserProvider().currentUser();
            assertNotEquals("局长张三", user);
            assertEquals(account, user);
        } finally {
            System.setProperty("user.name", was);
        }
    }
}
