package dev.backstop.helpdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Web chat in real Chromium, two browsers at once: a distributor starts a chat in the portal, the channel agent it was
 * pushed to opens it from "my chats", both see each other's lines and typing live, the agent inserts a
 * knowledge-base answer and ends the chat, and the transcript is on the ticket's timeline.
 */
class ChatBrowserTests extends BrowserTest {

    Browser agent;

    @AfterEach
    void closeAgentBrowser() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void aPortalUserAndAnAgentChatLiveAndTheTranscriptIsOnTheTicket() throws Exception {
        agent = Browser.start("http://localhost:" + port);
        agent.logInWithoutTheForm("agent", "demo");
        agent.open("/workspace/chats");

        browser.logIn("distributor2", "demo");
        browser.click("#nav-chat");
        browser.waitForUrl(".*/chat$");
        browser.type("#chat-first", "你好，我的货发了吗？");
        browser.click("#chat-start-button");
        browser.waitForUrl(".*/chat/\\d+$");
        browser.wait.until(d -> "open".equals(d.findElement(By.id("chat")).getAttribute("data-live")));
        browser.waitForText("#chat-state", "李坐席 正在为您服务");
        browser.waitForText("#chat-log", "你好，我的货发了吗？");
        String url = browser.driver.getCurrentUrl();
        String chatId = url.substring(url.lastIndexOf('/') + 1);

        // the chat was pushed to the agent: it appears in their list without a reload (beside the demo's finished one)
        agent.click("#agent-chat-" + chatId + " .open-chat");
        agent.waitForUrl(".*/chat/\\d+$");
        agent.wait.until(d -> "open".equals(d.findElement(By.id("chat")).getAttribute("data-live")));
        agent.waitForText("#chat-log", "你好，我的货发了吗？");
        agent.type("#chat-text", "您好，我帮您查一下。");
        agent.click("#chat-send");
        browser.waitForText("#chat-log", "李坐席: 您好，我帮您查一下。");

        browser.find("#chat-text").sendKeys("订单号 SO-2002");
        agent.wait.until(d -> d.findElement(By.id("chat-typing")).isDisplayed());
        browser.click("#chat-send");
        agent.waitForText("#chat-log", "订单号 SO-2002");

        // a knowledge-base answer, inserted into the box and sent
        agent.type("#chat-kb-q", "发货 物流查询");
        agent.click("#chat-kb-search");
        agent.click("#chat-kb-hits .insert-answer");
        String inserted = agent.find("#chat-text").getAttribute("value");
        assertThat(inserted).isNotBlank();
        String title = inserted.lines().findFirst().orElseThrow();
        agent.click("#chat-send");
        browser.waitForText("#chat-log", title);
        agent.screenshot("chat-agent");
        browser.screenshot("chat-portal");

        agent.click("#chat-close");
        browser.waitForText("#chat-state", "本次咨询已结束，聊天记录已保存在工单");
        assertThat(browser.find("#chat-text").isEnabled()).isFalse();

        agent.click("#chat-ticket");
        agent.waitForUrl(".*/workspace/tickets/\\d+$");
        agent.waitForText("#timeline", "在线咨询记录 / Web chat transcript");
        assertThat(agent.text("#timeline")).contains("你好，我的货发了吗？", "您好，我帮您查一下。", "订单号 SO-2002", title);
        agent.screenshot("chat-transcript-on-ticket");
    }
}
