package dev.backstop.helpdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

/** Issue 14: an admin maps a foreign file's columns on the job page, in real Chromium, and saves it as a source's profile. */
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/browser-imports",
            "backstop.imports.poll-interval=200ms",
            "spring.datasource.url=jdbc:h2:mem:browser-imports;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        })
class ImportMappingBrowserTests extends BrowserTest {

    @Test
    void anAdminMapsTheColumnsOfANorthernErpFileIgnoresTheFaxAndSavesItAsTheSourcesProfile() throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "northern-erp-", ".csv");
        Files.writeString(file, "编号,公司名称,传真\nDN-1,北方测试商贸有限公司,010-12345678\n", StandardCharsets.UTF_8);
        browser.logInWithoutTheForm("admin", "demo");
        browser.open("/workspace/imports?lang=zh-CN");
        new Select(browser.find("#kind")).selectByValue("distributors");
        browser.driver
                .findElement(By.cssSelector("#file"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.type("#source", "北方ERP");
        browser.click("#upload");
        browser.waitForUrl(".*/workspace/imports/jobs/\\d+$");
        browser.waitForText("#job-state", "失败");
        String firstJob = browser.driver.getCurrentUrl();
        assertThat(browser.text("#job-error")).contains("缺少必填列“经销商编码”");

        assertThat(browser.driver.findElements(By.cssSelector("#mapping .mapping-header")).stream()
                        .map(e -> e.getText())
                        .toList())
                .containsExactly("编号", "公司名称", "传真");
        new Select(browser.find("select[data-header='编号']")).selectByVisibleText("经销商编码");
        new Select(browser.find("select[data-header='公司名称']")).selectByVisibleText("经销商名称");
        new Select(browser.find("select[data-header='传真']")).selectByValue("-");
        assertThat(browser.find("#mapping-source").getAttribute("value")).isEqualTo("北方ERP");
        browser.screenshot("import-mapping");
        browser.click("#save-mapping");

        browser.wait.until(driver -> !driver.getCurrentUrl().equals(firstJob)
                && driver.getCurrentUrl().matches(".*/jobs/\\d+$"));
        browser.waitForText("#job-state", "完成");
        List<String> previewColumns = browser.driver.findElements(By.cssSelector("#preview thead th")).stream()
                .map(e -> e.getText())
                .toList();
        assertThat(previewColumns).contains("编号", "公司名称", "区域编码").doesNotContain("code", "name", "region");
        assertThat(browser.text("#preview tbody")).contains("DN-1", "北方测试商贸有限公司");
        assertThat(browser.driver.findElements(By.cssSelector("#problems")))
                .as("the fax column is ignored, not unknown")
                .isEmpty();
        assertThat(new Select(browser.find("select[data-header='传真']"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("-");
        assertThat(jdbc.queryForList(
                        "select header || '=' || field from import_profiles where kind = 'distributors'"
                                + " and source = '北方ERP' order by header",
                        String.class))
                .containsExactlyInAnyOrder("编号=code", "公司名称=name", "传真=-");
    }
}
