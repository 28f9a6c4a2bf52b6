package io.flexboard.commandapi.branding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Rebuilds an uploaded SVG logo from an allowlist: only known shape, paint and text elements and
 * their presentation attributes are copied into a fresh document, so whatever the upload held
 * besides (script, foreignObject, event handlers, links, external references, CSS with url()) never
 * reaches a viewer. An allowlist rather than a blocklist because SVG keeps gaining ways to run code.
 *
 * <p>Parsed with the JDK's parser with secure processing and no DTD at all: a DOCTYPE is refused,
 * so no entity (billion laughs, external files) is ever expanded.
 */
public final class SvgSanitizer {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final String XMLNS_NS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "title", "desc",
            "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
            "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern");
    /** What makes a logo visible; a document with none of these left is refused. */
    private static final Set<String> DRAWABLE = Set.of("path", "rect", "circle", "ellipse", "line", "polyline",
            "polygon", "text", "use");
    /** Elements whose text content is kept (the others' text is whitespace or something a browser would not draw). */
    private static final Set<String> WITH_TEXT = Set.of("text", "tspan", "title", "desc");
    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "version", "viewBox", "preserveAspectRatio",
            "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points",
            "dx", "dy", "rotate", "transform", "opacity", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
            "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset",
            "stroke-miterlimit", "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits",
            "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
            "patternUnits", "patternContentUnits", "patternTransform", "font-family", "font-size", "font-weight",
            "font-style", "text-anchor", "dominant-baseline", "letter-spacing", "visibility", "display", "style");
    /** A paint or reference to something inside the same document; any other url() is dropped. */
    private static final Pattern LOCAL_URL = Pattern.compile("^\\s*url\\(\\s*#[A-Za-z0-9_.:-]+\\s*\\)\\s*$");
    private static final Pattern LOCAL_FRAGMENT = Pattern.compile("^#[A-Za-z0-9_.:-]+$");

    private SvgSanitizer() {
    }

    /**
     * The sanitised SVG, UTF-8.
     *
     * @throws UnsafeImageException naming why when the upload is not a well-formed SVG without DTD, or
     *         nothing drawable is left once it is sanitised
     */
    public static byte[] sanitize(byte[] upload) {
        Document source = parse(upload);
        Element root = source.getDocumentElement();
        if (!SVG_NS.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
            throw new UnsafeImageException("is not an SVG document (its root must be <svg> in the SVG namespace)");
        }
        Document clean = newBuilder().newDocument();
        Copy copy = new Copy(clean);
        Element cleanRoot = (Element) copy.element(root);
        cleanRoot.setAttributeNS(XMLNS_NS, "xmlns", SVG_NS);
        if (copy.usesXlink) {
            cleanRoot.setAttributeNS(XMLNS_NS, "xmlns:xlink", XLINK_NS);
        }
        clean.appendChild(cleanRoot);
        if (copy.drawables == 0) {
            throw new UnsafeImageException("has nothing drawable left once scripts, links and unknown elements are removed");
        }
        return serialize(clean);
    }

    /** Copies allowed nodes into the clean document, counting what can be drawn. */
    private static final class Copy {
        private final Document target;
        private int drawables;
        private boolean usesXlink;

        Copy(Document target) {
            this.target = target;
        }

        Node element(Element from) {
            String name = from.getLocalName();
            Element to = target.createElementNS(SVG_NS, name);
            attributes(from, to);
            for (Node child = from.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.ELEMENT_NODE && allowed((Element) child)) {
                    to.appendChild(element((Element) child));
                } else if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                        && WITH_TEXT.contains(name)) {
                    to.appendChild(target.createTextNode(child.getNodeValue()));
                }
                // Comments, processing instructions and every other element are left behind.
            }
            boolean drawsNothing = (name.equals("text") && to.getTextContent().isBlank())
                    || (name.equals("use") && !to.hasAttributeNS(XLINK_NS, "href"));
            if (DRAWABLE.contains(name) && !drawsNothing) {
                drawables++;
            }
            return to;
        }

        private static boolean allowed(Element element) {
            return SVG_NS.equals(element.getNamespaceURI()) && ELEMENTS.contains(element.getLocalName());
        }

        private void attributes(Element from, Element to) {
            NamedNodeMap attributes = from.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String namespace = attribute.getNamespaceURI();
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                String value = attribute.getValue();
                if ("href".equals(name) && (namespace == null || XLINK_NS.equals(namespace))) {
                    // Only a reference into this document (a <use> of a symbol): never a file, a site or javascript:.
                    if (LOCAL_FRAGMENT.matcher(value.strip()).matches()) {
                        to.setAttributeNS(XLINK_NS, "xlink:href", value.strip());
                        usesXlink = true;
                    }
                } else if (namespace == null && ATTRIBUTES.contains(name) && safeValue(name, value)) {
                    to.setAttribute(name, value);
                }
            }
        }

        private static boolean safeValue(String name, String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (name.equals("style")) {
                // Inline CSS may load (url(), image-set) or escape its way around a check: kept only when plainly harmless.
                return !lower.contains("url(") && !lower.contains("image-set") && !lower.contains("expression")
                        && !lower.contains("javascript:") && !lower.contains("\\") && !lower.contains("@")
                        && !lower.contains("behavior") && !lower.contains("-moz-binding") && !lower.contains("<");
            }
            if (lower.contains("url(")) {
                return LOCAL_URL.matcher(value).matches();
            }
            return !lower.contains("javascript:");
        }
    }

    private static Document parse(byte[] upload) {
        try {
            return newBuilder().parse(new ByteArrayInputStream(upload));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new UnsafeImageException("must not hold a DOCTYPE (no DTD, no entities)");
            }
            throw new UnsafeImageException("is not well-formed XML (line " + e.getLineNumber() + ")");
        } catch (SAXException | IOException e) {
            throw new UnsafeImageException("is not well-formed XML");
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    private static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("the sanitised SVG could not be written", e);
        }
    }

    /** Parse errors become one refusal; without this the JDK parser also prints them to stderr. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // a warning changes nothing about what is kept
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
