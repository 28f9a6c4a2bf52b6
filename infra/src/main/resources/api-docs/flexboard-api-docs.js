// Swagger UI over the four services' OpenAPI documents, served by the local stack's router.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: "/api/docs/command-api.json", name: "command-api" },
      { url: "/api/docs/query-api.json", name: "query-api" },
      { url: "/api/docs/agent-bridge.json", name: "agent-bridge" },
      { url: "/api/docs/projector.json", name: "projector" }
    ],
    // /api/docs?urls.primaryName=query-api opens that document first.
    "urls.primaryName": "command-api",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // No call to the public validator: the page talks to this origin only.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout"
  });
});
