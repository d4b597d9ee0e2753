package se.benefitledger.api.payout;

import com.prowidesoftware.swift.model.mx.MxPain00100103;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.SchemaOutputResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.util.HashMap;
import java.util.Map;

import static se.benefitledger.api.payout.Pain001Writer.NAMESPACE;

/**
 * The pain.001.001.03 schema the tests validate bank files against.
 *
 * <p>The official pain.001.001.03.xsd cannot be downloaded here, so the schema comes from the JAXB model Prowide
 * builds the message with: element names, order, required elements and data types. It loses the length and
 * pattern facets (checked separately by {@link Pain001WriterTest}) and turns each xs:choice into a sequence of
 * optional elements (the read-back tests cover those). JAXB puts Prowide's types in a no-namespace schema with
 * unqualified local elements; the ISO schema has them all in the pain.001 namespace, so move them there.
 */
final class Pain001Schema {

    private static Schema schema;

    private Pain001Schema() {
    }

    static synchronized Schema get() throws Exception {
        if (schema == null) {
            schema = build();
        }
        return schema;
    }

    private static Schema build() throws Exception {
        Map<String, DOMResult> generated = new HashMap<>();
        JAXBContext.newInstance(MxPain00100103.class).generateSchema(new SchemaOutputResolver() {
            @Override
            public DOMResult createOutput(String namespaceUri, String suggestedFileName) {
                var result = new DOMResult();
                result.setSystemId(suggestedFileName);
                generated.put(namespaceUri, result);
                return result;
            }
        });
        Element types = ((Document) generated.get("").getNode()).getDocumentElement();
        types.setAttribute("targetNamespace", NAMESPACE);
        types.setAttribute("elementFormDefault", "qualified");
        types.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", NAMESPACE);
        Element document = types.getOwnerDocument().createElementNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "xs:element");
        document.setAttribute("name", "Document");
        document.setAttribute("type", "Document");
        types.appendChild(document);
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                            .newSchema(new DOMSource(types.getOwnerDocument(), "pain.001.001.03.xsd"));
    }
}
