// Starts GraphiQL (its UMD build on React 18's) against this server, with docs/queries as the open tabs.
'use strict';

/** Shown in the headers editor of a mutation's tab: writes need an editor's token, which `npm run token` prints. */
const EDITOR_HEADERS = JSON.stringify({ Authorization: 'Bearer <paste the output of: npm run token -- --role editor>' }, null, 2);

async function startIde() {
  const response = await fetch('/ide/examples.json');
  const examples = response.ok ? await response.json() : [];
  const tabs = examples.map((example) => ({
    query: example.document,
    headers: example.operation === 'mutation' ? EDITOR_HEADERS : undefined,
  }));
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      // Subscriptions go over graphql-ws on the same path; the headers editor's Authorization goes in connection_init.
      fetcher: GraphiQL.createFetcher({ url: '/graphql', subscriptionUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql` }),
      defaultTabs: tabs.length > 0 ? tabs : undefined,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: true,
    }),
  );
}

startIde();
