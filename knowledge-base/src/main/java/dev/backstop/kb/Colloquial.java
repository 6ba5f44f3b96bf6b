package dev.backstop.kb;

import java.util.regex.Pattern;

/**
 * People ask the desk in whole sentences ("加班费怎么算", "公积金断缴影响贷款吗", "how many days of annual leave
 * after 10 years"). The question words carry no topic, yet under OR matching they pull in every article that
 * happens to contain 怎么 or 计算: they are dropped from the query (never from the index) unless nothing else is left.
 */
final class Colloquial {

    private static final Pattern CHINESE_FILLERS =
            Pattern.compile("请问|想问一下|想问|问一下|我想知道|想知道|麻烦|帮忙|帮我|怎么办|怎么样|怎么|怎样|如何|为什么|为啥|什么时候|什么|啥|"
                    + "能不能|可不可以|可以吗|是不是|有没有|会不会|要不要|哪些|哪里|哪儿|多久|一下|的话|我们|我的|我|你们|"
                    + "[吗呢吧啊呀嘛](?=$|[\\s？?！!。，,])|[？?！!。，,、；;：:“”\"'（）()]");
    private static final Pattern ENGLISH_FILLERS = Pattern.compile(
            "(?i)\\b(how|what|when|where|which|who|why|do|does|did|can|could|should|would|is|are|am|was|were|i|me|my|we|"
                    + "our|you|your|please|tell|know|want|need|to|the|a|an|of|for|in|on|at|after|before|with|about|it)\\b");

    private Colloquial() {}

    /** The query without its question words; the text itself when nothing would be left. */
    static String topic(String text) {
        String stripped = ENGLISH_FILLERS
                .matcher(CHINESE_FILLERS.matcher(text).replaceAll(" "))
                .replaceAll(" ")
                .replaceAll("\\s+", " ")
                .strip();
        return stripped.isEmpty() ? text : stripped;
    }
}
