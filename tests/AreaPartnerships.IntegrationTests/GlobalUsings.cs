global using System.Net;
global using AreaPartnerships.IntegrationTests.Infrastructure;
global using Microsoft.AspNetCore.Http;
