package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.shared.DeskTime;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #desk} in every template: {@code ${#desk.minute(instant)}}, {@code ${#desk.day(instant)}},
 * {@code ${#desk.zone()}} — times in the desk's one time zone ({@link DeskTime}), never written out per page.
 */
@Component
class DeskTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final DeskTime deskTime;

    DeskTimeDialect(DeskTime deskTime) {
        super("backstop-desk-time");
        this.deskTime = deskTime;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("desk");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return deskTime;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
