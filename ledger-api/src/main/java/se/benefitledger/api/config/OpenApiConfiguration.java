package se.benefitledger.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import se.benefitledger.api.idempotency.IdempotencyFilter;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.PersonalIdentityNumber;
import se.benefitledger.core.shared.SignedMoney;

/**
 * The served OpenAPI document: value objects as the strings they are on the wire, both security
 * schemes, the {@code Idempotency-Key} header on every POST and problem+json for errors.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        var config = SpringDocUtils.getConfig();
        config.replaceWithSchema(Money.class, new StringSchema().pattern("^\\d{1,8}(\\.\\d{1,2})?$").example("8450.00")
                                                              .description("SEK with at most two decimals; responses always have two"));
        config.replaceWithSchema(SignedMoney.class, new StringSchema().pattern("^-?\\d+\\.\\d{2}$").example("-1013.04")
                                                                       .description("SEK, negative when more came back than went out"));
        config.replaceWithSchema(MunicipalityCode.class, new StringSchema().pattern("^\\d{4}$").example("0488")
                                                                           .description("kommunkod"));
        config.replaceWithSchema(BenefitMonth.class, new StringSchema().pattern("^\\d{4}-\\d{2}$").example("2021-03")
                                                                       .description("the month the assistance is for"));
        config.replaceWithSchema(PersonalIdentityNumber.class, new StringSchema().example("19811218-9876")
                                                                                 .description("personnummer or samordningsnummer, 10 or 12 digits, optional '-' or '+'"));
    }

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("benefit-ledger").version("v1")
                                .description("Event-sourced ledger for Swedish municipal economic assistance")
                                .license(new License().name("EUPL-1.2").identifier("EUPL-1.2")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas("Problem", problemSchema()))
                // relative, so that the document is the same whichever host and port serve it
                .addServersItem(new Server().url("/"))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer postsTakeIdempotencyKeysAndAnswerProblems() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(true)
                        .description("1-255 printable ASCII characters; a retry with the same key and body replays the first response")
                        .schema(new StringSchema().minLength(1).maxLength(255)));
            }
            var problem = new Content().addMediaType("application/problem+json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
            operation.getResponses().putIfAbsent("400", new ApiResponse().description("invalid input").content(problem));
            operation.getResponses().putIfAbsent("401", new ApiResponse().description("not authenticated").content(problem));
            operation.getResponses().putIfAbsent("403", new ApiResponse().description("role or municipality not allowed").content(problem));
            operation.getResponses().putIfAbsent("503", new ApiResponse().description("database unavailable; retry later").content(problem));
            return operation;
        };
    }

    private static Schema<?> problemSchema() {
        return new Schema<>().type("object").description("RFC 9457 problem details")
                             .addProperty("type", new StringSchema())
                             .addProperty("title", new StringSchema())
                             .addProperty("status", new Schema<>().type("integer"))
                             .addProperty("detail", new StringSchema())
                             .addProperty("errors", new Schema<>().type("array").items(new Schema<>().type("object")
                                     .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
    }
}
