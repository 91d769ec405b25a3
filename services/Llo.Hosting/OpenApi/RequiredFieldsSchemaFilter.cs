using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Llo.Hosting.OpenApi;

/// <summary>Marks the fields a service declared with <see cref="LloApi.Require"/> as required in their message's schema.</summary>
internal sealed class RequiredFieldsSchemaFilter(LloApi api) : ISchemaFilter
{
    public void Apply(OpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(IMessage).IsAssignableFrom(context.Type)
            || context.Type.GetProperty("Descriptor")?.GetValue(null) is not MessageDescriptor message)
        {
            return;
        }

        foreach (var field in message.Fields.InFieldNumberOrder().Where(api.RequiredFields.Contains))
        {
            schema.Required.Add(field.JsonName);
        }
    }
}
