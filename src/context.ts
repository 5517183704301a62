import { Graph, RoundTrips } from './graph/driver';

/** What every resolver gets for one GraphQL request. */
export interface Context {
  graph: Graph;
  roundTrips: RoundTrips;
}
