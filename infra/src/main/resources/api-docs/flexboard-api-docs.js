// Swagger UI over the four services' OpenAPI documents, served by the local stack's router.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: "/api/docs/command-api.json", name: "command-api (the builder's writes)" },
      { url: "/api/docs/query-api.json", name: "query-api (reads, fleet status, ops, history)" },
      { url: "/api/docs/agent-bridge.json", name: "agent-bridge (the agents' sync)" },
      { url: "/api/docs/projector.json", name: "projector (read model rebuilds)" }
    ],
    "urls.primaryName": "command-api (the builder's writes)",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // No call to the public validator: the page talks to this origin only.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout"
  });
});
