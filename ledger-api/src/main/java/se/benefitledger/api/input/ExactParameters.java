package se.benefitledger.api.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.benefitledger.api.problem.InvalidRequestException;

import java.beans.PropertyEditorSupport;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Query parameters and path variables are taken {@link InputBounds#exact exactly as written}:
 * Spring trims an enum constant, an id or a number before it reads it (and falls back to its
 * lenient property editors when a strict converter refuses), so {@code status=OPEN%0A} was OPEN
 * and {@code /payments/%20<id>} was the payment, read past the municipality scope check, which
 * takes only an exact id. Runs before every other interceptor; a refused value is a 400 naming
 * the parameter or path variable. Whole numbers ({@code page}, {@code size}, {@code min}) are
 * digits only: Spring's number editor drops every space inside ({@code size=1 0} was 10) and reads
 * {@code 0x10} as 16.
 */
@ControllerAdvice
class ExactParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,10}");

    @InitBinder
    void wholeNumbers(WebDataBinder binder) {
        var editor = new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (!WHOLE_NUMBER.matcher(text).matches()) {
                    throw new IllegalArgumentException("must be a whole number");
                }
                setValue(Integer.valueOf(text));
            }
        };
        binder.registerCustomEditor(int.class, editor);
        binder.registerCustomEditor(Integer.class, editor);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null) {
            variables.forEach(ExactParameters::exact);
        }
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                exact(name, value);
            }
        });
        return true;
    }

    private static void exact(String name, String value) {
        try {
            InputBounds.exact(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, e.getMessage());
        }
    }
}
